using System.ComponentModel.DataAnnotations;
using MineFunctions.App.Options;

namespace MineFunctions.App.Tests;

/// <summary>Turning the monthly acquisition on needs a usable Earthdata token; the options say so at start-up, without printing it.</summary>
public sealed class AcquisitionOptionsTests
{
    private static List<string> Errors(AcquisitionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void OffByDefault_AndValidWithoutAToken()
    {
        var options = new AcquisitionOptions();
        Assert.False(options.Enabled);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Enabled_WithoutAToken_IsRefusedNamingTheSetting()
    {
        var error = Assert.Single(Errors(new AcquisitionOptions { Enabled = true }));
        Assert.Contains("EarthdataToken is empty", error);
    }

    [Fact]
    public void Enabled_WithAKeyVaultReferenceTheHostCouldNotResolve_IsRefusedWithTheLikelyCause()
    {
        // App Service leaves the literal reference in the setting when the identity cannot read the secret.
        var options = new AcquisitionOptions { Enabled = true, EarthdataToken = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/earthdata-token/)" };
        Assert.Contains("Key Vault Secrets User", Assert.Single(Errors(options)));
    }

    [Fact]
    public void Enabled_WithAToken_IsValid_AndTheTokenNeverShowsInItsText()
    {
        var options = new AcquisitionOptions { Enabled = true, EarthdataToken = "eyJ-secret-value" };
        Assert.Empty(Errors(options));
        Assert.DoesNotContain("eyJ-secret-value", options.ToString());
        Assert.Contains("Token=set", options.ToString());
    }
}
