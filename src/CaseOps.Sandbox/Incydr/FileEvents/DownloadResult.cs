using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CaseOps.Sandbox.Incydr.FileEvents;

/// <summary>
/// A 200 download (docs/contracts/incydr.md, Downloads): Content-Type, <c>Content-Disposition:
/// attachment; filename=name</c> (unquoted, as the official SDK parses it literally) and
/// Content-Length, then a body written by
/// <c>write</c> straight to the response stream, so large content is never held in memory.
/// </summary>
public sealed class DownloadResult(string contentType, string fileName, long length, Func<Stream, CancellationToken, Task> write, IDisposable? owned = null) : IResult
{
    /// <summary>Download of a ready byte array.</summary>
    public static DownloadResult FromBytes(string contentType, string fileName, byte[] content) =>
        new(contentType, fileName, content.Length, (body, ct) => body.WriteAsync(content, ct).AsTask());

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        try
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            response.ContentLength = length;
            response.Headers[HeaderNames.ContentDisposition] = "attachment; filename=" + fileName;
            await write(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && response.HasStarted)
        {
            // The client went away, or a drop fault cut the connection on purpose: the headers are
            // out, so there is nobody left to tell. Swallowing keeps the server log quiet.
        }
        finally
        {
            owned?.Dispose();
        }
    }
}
