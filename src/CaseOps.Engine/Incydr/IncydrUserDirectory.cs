using System.Linq;
using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Paging;
using CaseOps.Threading;

namespace CaseOps.Incydr
{
    /// <summary>
    /// The users of one Incydr connection that commands have met, so a username or id given to
    /// -Assignee or -Subject is looked up once per connection, not once per case (docs/architecture.md,
    /// "Connections"). Shared by every caller of the connection: commands, parallel runspaces, completers.
    /// </summary>
    /// <remarks>
    /// A name or id not seen before costs one request (the username filter, or the user by id); the whole
    /// listing is read only for tab completion and for the close matches of a user not found, at most once per
    /// connection while it succeeds. Lookups and the listing run on the directory's own token, cancelled when
    /// the connection is closed; a lookup that failed is forgotten, so the next caller asks again.
    /// </remarks>
    // The token source is cancelled, never disposed, for the reason ZammadCatalog gives.
    internal sealed class IncydrUserDirectory : IDisposable
    {
        private const int MostCloseMatches = 3;
        private const int ListingPageSize = 1000;

        private readonly ApiClient _api;
        private readonly CancellationTokenSource _lifetime = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly Dictionary<string, IncydrUser> _byId = new Dictionary<string, IncydrUser>(StringComparer.Ordinal);
        private readonly Dictionary<string, IncydrUser> _byUsername = new Dictionary<string, IncydrUser>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, SharedWork<IncydrUser?>> _lookups = new Dictionary<string, SharedWork<IncydrUser?>>(StringComparer.OrdinalIgnoreCase);
        private SharedWork<IReadOnlyList<IncydrUser>>? _everyone;
        private bool _disposed;

        public IncydrUserDirectory(ApiClient api) => _api = api;

        /// <summary>
        /// The user whose id or username (letter case aside) is <paramref name="idOrUsername"/>; throws
        /// <see cref="IncydrUserNotFoundException"/> with the closest usernames when Incydr has none.
        /// </summary>
        public async Task<IncydrUser> ResolveAsync(string idOrUsername, IRequestLog log, CancellationToken cancellationToken)
        {
            var text = idOrUsername.Trim();
            var user = Known(text) ?? await JoinLookup(text).WaitAsync(log, cancellationToken).ConfigureAwait(false);
            if (user != null)
                return user;
            var everyone = await GetAllAsync(log, cancellationToken).ConfigureAwait(false);
            return Known(text) ?? throw new IncydrUserNotFoundException(text, UserMatch.Closest(text, everyone.Select(u => u.Username), MostCloseMatches));
        }

        /// <summary>Every user of the tenant, read once (all pages) and kept for the connection's life.</summary>
        public Task<IReadOnlyList<IncydrUser>> GetAllAsync(IRequestLog log, CancellationToken cancellationToken)
        {
            SharedWork<IReadOnlyList<IncydrUser>> listing;
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_everyone == null)
                {
                    var started = new SharedWork<IReadOnlyList<IncydrUser>>(ListEveryoneAsync, _lifetime.Token);
                    _everyone = started.OnFailure(() => { lock (_gate) { if (_everyone == started) _everyone = null; } });
                }
                listing = _everyone;
            }
            return listing.WaitAsync(log, cancellationToken);
        }

        /// <summary>Keeps users a command has read anyway (Get-IncydrUser), so naming them later costs no request.</summary>
        public void Remember(IncydrUser user)
        {
            lock (_gate)
            {
                _byId[user.UserId] = user;
                _byUsername[user.Username] = user;
            }
        }

        /// <summary>Cancels the lookups and the listing still running; called when the connection is closed.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _lookups.Clear();
                _everyone = null;
            }
            _lifetime.Cancel();
        }

        private IncydrUser? Known(string text)
        {
            lock (_gate)
                return _byId.TryGetValue(text, out var user) || _byUsername.TryGetValue(text, out user) ? user : null;
        }

        // One request at a time per name or id, whoever asks; the answer, found or not, stays only as a known user.
        private SharedWork<IncydrUser?> JoinLookup(string text)
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                if (_lookups.TryGetValue(text, out var running))
                    return running;
                var started = new SharedWork<IncydrUser?>((log, ct) => LookUpAsync(text, log, ct), _lifetime.Token);
                _lookups[text] = started;
                started.Task.ContinueWith(_ => { lock (_gate) { if (_lookups.TryGetValue(text, out var current) && current == started) _lookups.Remove(text); } },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                return started;
            }
        }

        // An '@' makes it a username; anything else is tried as an id first, then as a username (they need not be emails).
        private async Task<IncydrUser?> LookUpAsync(string text, IRequestLog log, CancellationToken cancellationToken)
        {
            var service = new IncydrUserService(_api, log);
            IncydrUser? user = null;
            if (text.IndexOf('@') < 0)
            {
                try { user = await service.GetAsync(text, cancellationToken).ConfigureAwait(false); }
                catch (CaseOpsApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 400) { }
            }
            user ??= await service.FindByUsernameAsync(text, cancellationToken).ConfigureAwait(false);
            if (user != null)
                Remember(user);
            return user;
        }

        private async Task<IReadOnlyList<IncydrUser>> ListEveryoneAsync(IRequestLog log, CancellationToken cancellationToken)
        {
            var users = await new IncydrUserService(_api, log).List(new IncydrUserFilter(), new PageStreamOptions { PageSize = ListingPageSize })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var user in users)
                Remember(user);
            return users;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
                throw new ObjectDisposedException(nameof(IncydrUserDirectory), "The connection was closed.");
        }
    }
}
