namespace CaseOps { internal static class Placeholder { } }
