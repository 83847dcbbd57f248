using CaseOps.Http;
using CaseOps.Incydr;

namespace CaseOps.Cmdlets.Cases
{
    /// <summary>Deletes Incydr cases. Deleting cannot be undone, so it asks first unless -Confirm:$false or -Force.</summary>
    [Cmdlet(VerbsCommon.Remove, "Case", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveCaseCommand : IncydrCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseNumber")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Number { get; set; } = Array.Empty<long>();

        /// <summary>Deletes without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            CaseService? service = null;
            foreach (var number in Number)
            {
                if (!ShouldProcess($"Case {number}", "Delete", Force))
                    continue;
                service ??= new CaseService(ResolveConnection(), RequestLog);
                Attempt(() =>
                {
                    Await(service.RemoveAsync(number, CancellationToken));
                    WriteVerboseLine($"Deleted case {number}");
                }, CaseProblems.About(number), CaseProblems.Map);
            }
        }
    }
}
