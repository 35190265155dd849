using OpenIddict.Abstractions;

namespace Vigie.Auth.BuiltIn;

/// <summary>Registers (or updates) the web client of the built-in provider at start: public, code + PKCE.</summary>
internal sealed class BuiltInClientSeeder(IServiceProvider services, IReadOnlyList<Uri> redirectUris) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = BuiltInProvider.WebClientId,
            ClientType = OpenIddictConstants.ClientTypes.Public,
            ConsentType = OpenIddictConstants.ConsentTypes.Implicit,
            DisplayName = "Vigie web pages",
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Authorization,
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
                OpenIddictConstants.Permissions.GrantTypes.RefreshToken,
                OpenIddictConstants.Permissions.ResponseTypes.Code,
                OpenIddictConstants.Permissions.Prefixes.Scope + "scope_all",
            },
            Requirements = { OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        var existing = await manager.FindByClientIdAsync(BuiltInProvider.WebClientId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await manager.UpdateAsync(existing, descriptor, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
