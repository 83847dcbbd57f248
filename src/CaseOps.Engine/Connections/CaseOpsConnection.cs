using CaseOps.Http;

namespace CaseOps.Connections
{
    /// <summary>
    /// A connection to one service. Thread-safe: pass it with <c>-Connection $using:conn</c> to
    /// parallel runspaces. Holds no secret in any property or in <see cref="ToString"/>.
    /// </summary>
    public abstract class CaseOpsConnection : IDisposable
    {
        protected CaseOpsConnection(CaseOpsService service, ApiClient api, string account)
        {
            Service = service;
            Api = api;
            Account = account;
            ConnectedAt = DateTimeOffset.Now;
        }

        public CaseOpsService Service { get; }

        public Uri BaseUri => Api.Options.BaseUri;

        /// <summary>Who the connection acts as: an API client id or a user name. Never a secret.</summary>
        public string Account { get; private protected set; }

        public DateTimeOffset ConnectedAt { get; }

        internal ApiClient Api { get; }

        /// <summary>True once Disconnect-CaseOps closed the connection; it can no longer be used.</summary>
        public bool IsClosed { get; private set; }

        public override string ToString() => $"{Service} {BaseUri} as {Account}";

        public void Dispose()
        {
            IsClosed = true;
            OnClosing();
            Api.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Stops work the connection runs for all its callers (the Zammad catalog's loads) before its client goes.</summary>
        private protected virtual void OnClosing()
        {
        }
    }
}
