namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// A kind of file the seeder draws from: a name stem and extension (safe characters only) with the
/// category and MIME type Incydr reports, and an optional extra indicator the content raises.
/// </summary>
/// <param name="Stem">Name without extension, e.g. <c>payroll_2025</c>.</param>
/// <param name="Extension">Extension with dot, e.g. <c>.xlsx</c>.</param>
/// <param name="Category">FileEventV2 <c>file.category</c>.</param>
/// <param name="MimeType">MIME type.</param>
/// <param name="Indicator">Content indicator, or null.</param>
public sealed record FileKind(string Stem, string Extension, string Category, string MimeType, RiskIndicatorRecord? Indicator)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static readonly RiskIndicatorRecord Spreadsheet = new("Spreadsheet", "1f0b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c44", 1);
    private static readonly RiskIndicatorRecord Archive = new("Zip file", "2a1b3c4d-5e6f-4b7c-9d8e-0f1a2b3c4d55", 2);
    private static readonly RiskIndicatorRecord SourceCode = new("Source code", "3b2c4d5e-6f7a-4c8d-ae9f-1a2b3c4d5e66", 3);

    /// <summary>The kinds the seeder uses.</summary>
    public static IReadOnlyList<FileKind> All { get; } =
    [
        new("payroll_2025", ".xlsx", "Spreadsheet", Xlsx, Spreadsheet),
        new("q3_forecast", ".xlsx", "Spreadsheet", Xlsx, Spreadsheet),
        new("customer_list", ".csv", "Spreadsheet", "text/csv", Spreadsheet),
        new("contract_draft", ".docx", "Document", Docx, null),
        new("employee_reviews", ".docx", "Document", Docx, null),
        new("board_minutes", ".pdf", "Pdf", "application/pdf", null),
        new("invoice_0423", ".pdf", "Pdf", "application/pdf", null),
        new("roadmap_2026", ".pptx", "Presentation", Pptx, null),
        new("source_backup", ".zip", "Archive", "application/zip", Archive),
        new("design_assets", ".7z", "Archive", "application/x-7z-compressed", Archive),
        new("billing_service", ".py", "SourceCode", "text/x-python", SourceCode),
        new("product_photos", ".png", "Image", "image/png", null),
    ];

    /// <summary>True for archives (they get an archive id).</summary>
    public bool IsArchive => Category == "Archive";
}
