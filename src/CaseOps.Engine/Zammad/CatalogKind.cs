namespace CaseOps.Zammad
{
    /// <summary>The lookup tables a ticket refers to by id.</summary>
    public enum CatalogKind
    {
        Group,
        State,
        Priority,
        Owner,
        TimeAccountingType,
        StateType,
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
                case CatalogKind.TimeAccountingType: return "time accounting type";
                case CatalogKind.StateType: return "state type";
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
                case CatalogKind.TimeAccountingType: return "type";
                case CatalogKind.StateType: return "state_type";
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
                case CatalogKind.TimeAccountingType: return "type_id";
                case CatalogKind.StateType: return "state_type_id";
                default: return "owner_id";
            }
        }
    }
}
