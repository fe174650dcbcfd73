namespace Marketplace.Workers;

// A named entry point (not top-level statements) so that tests can reference the Api's Program and the Workers together.
public static class WorkersProgram
{
    public static Task Main(string[] args) => WorkersHost.CreateBuilder(args).Build().RunAsync();
}
