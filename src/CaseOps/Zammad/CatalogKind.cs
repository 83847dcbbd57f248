namespace CaseOps.Zammad
{
    /// <summary>The lookup tables a ticket refers to by id.</summary>
    public enum CatalogKind
    {
        Group,
        State,
        Priority,
        Owner,
    }

    internal static class CatalogKinds
    {
        public static string Noun(CatalogKind kind)
        {
            switch (kind)
            {
                case CatalogKind.Group: return "group";
                case CatalogKind.State: return "ticket state";
                case CatalogKind.Priority: return "ticket priority";
                default: return "agent (owner)";
            }
        }

        /// <summary>The ticket's wire field taking the name.</summary>
        public static string NameField(CatalogKind kind)
        {
            switch (kind)
            {
                case CatalogKind.Group: return "group";
                case CatalogKind.State: return "state";
                case CatalogKind.Priority: return "priority";
                default: return "owner";
            }
        }

        /// <summary>The ticket's wire field holding the id.</summary>
        public static string IdField(CatalogKind kind)
        {
            switch (kind)
            {
                case CatalogKind.Group: return "group_id";
                case CatalogKind.State: return "state_id";
                case CatalogKind.Priority: return "priority_id";
                default: return "owner_id";
            }
        }
    }
}
