namespace CaseOps.Cmdlets.Catalog
{
    /// <summary>
    /// What the priority and state cmdlets call their records in messages and error ids, written out
    /// once for each list so no id is built from another string.
    /// </summary>
    internal sealed class CatalogNoun
    {
        public static readonly CatalogNoun Priority = new CatalogNoun("priority", "Priority", "PriorityNotFound", "PriorityInUse");
        public static readonly CatalogNoun State = new CatalogNoun("state", "State", "StateNotFound", "StateInUse");

        private CatalogNoun(string name, string parameterName, string notFoundErrorId, string inUseErrorId)
        {
            Name = name;
            ParameterName = parameterName;
            NotFoundErrorId = notFoundErrorId;
            InUseErrorId = inUseErrorId;
        }

        /// <summary>"priority" or "state", as messages say it.</summary>
        public string Name { get; }

        /// <summary>The ticket cmdlets' parameter that takes such a record: -Priority or -State.</summary>
        public string ParameterName { get; }

        public string NotFoundErrorId { get; }

        /// <summary>Zammad refused to delete a record that tickets still use.</summary>
        public string InUseErrorId { get; }

        public override string ToString() => Name;
    }
}
