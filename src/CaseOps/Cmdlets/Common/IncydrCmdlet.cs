using CaseOps.Connections;

namespace CaseOps.Cmdlets.Common
{
    /// <summary>
    /// Base of the cmdlets that act on Incydr: the -Connection parameter and the connection it resolves to
    /// (not generic, for the reason <see cref="ZammadCmdlet"/> gives).
    /// </summary>
    public abstract class IncydrCmdlet : CaseOpsCmdlet
    {
        private IncydrConnection? _resolved;

        /// <summary>The Incydr connection to use instead of this session's default one.</summary>
        [Parameter]
        [ValidateNotNull]
        public IncydrConnection? Connection { get; set; }

        /// <summary>
        /// -Connection, else this runspace's default, else one made from the environment variables
        /// (<see cref="ConnectionResolver"/>); resolved once per command, a terminating error when there is none.
        /// </summary>
        protected internal IncydrConnection ResolveConnection() =>
            _resolved ??= (IncydrConnection)new ConnectionResolver(this).Resolve(Connection, CaseOpsService.Incydr);
    }
}
