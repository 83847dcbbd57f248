using System.Globalization;
using CaseOps.Http;
using CaseOps.Incydr;
using CaseOps.Incydr.Models;

namespace CaseOps.Cmdlets.Cases
{
    /// <summary>
    /// Deletes Incydr cases. Deleting cannot be undone, so it asks first unless -Confirm:$false or -Force. The
    /// question names the case by number and name: a piped Case names itself; for a bare number the case is
    /// read first, except under -Force, which asks nothing (docs/architecture.md, "Prompts").
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Case", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemoveCaseCommand : IncydrCmdlet
    {
        private const string NumberSet = "ByNumber";
        private const string InputObjectSet = "InputObject";
        private CaseService? _service;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NumberSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CaseNumber")]
        [ValidateRange(1, long.MaxValue)]
        public long[] Number { get; set; } = Array.Empty<long>();

        /// <summary>A Case, usually from Get-Case: deleted by its number, named in the question by its own name.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Case? InputObject { get; set; }

        /// <summary>Deletes without asking, as -Confirm:$false does.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private CaseService Service => _service ??= new CaseService(ResolveConnection(), RequestLog);

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                Remove(InputObject.Number, InputObject.Name, InputObject);
                return;
            }
            foreach (var number in Number)
            {
                // -Force asks nothing, so the name is not needed; otherwise the question names the case.
                var unasked = Force.IsPresent && !IsBound("WhatIf") && !IsBound("Confirm");
                string? name = null;
                if (!unasked && !Attempt(() => name = Await(Service.GetAsync(number, CancellationToken)).Name, CaseProblems.About(number), CaseProblems.Map))
                    continue;
                Remove(number, name, number);
            }
        }

        private void Remove(long number, string? name, object target)
        {
            if (!ShouldProcess(ChangeDescription.Target("Case", number.ToString(CultureInfo.InvariantCulture), name), "Delete", Force))
                return;
            Attempt(() =>
            {
                Await(Service.RemoveAsync(number, CancellationToken));
                WriteVerboseLine($"Deleted case {number}");
            }, CaseProblems.About(number, target), CaseProblems.Map);
        }
    }
}
