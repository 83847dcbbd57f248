using CaseOps.Sandbox.Hosting;

// Stand-alone entry point; tests host the emulator in-process through SandboxHost instead.
var stdin = StdinWatcher.StdinIsPipe() ? Console.In : null;
return await SandboxProgram.RunAsync(args, Console.Out, Console.Error, stdin, CancellationToken.None);
