// The Key Vault holding the Earthdata Login token for HyP3 (docs/ACQUISITION.md), and the app
// identity's right to read its secrets. The token itself is never a deployment parameter: it is set
// once with `az keyvault secret set` (docs/DEPLOY.md), and the app reads it through a Key Vault
// reference app setting resolved by App Service with the user-assigned identity.
@description('Azure region (used only when the vault is created here).')
param location string

@description('Vault name to create (3-24 letters, digits and hyphens, globally unique); ignored when existingVaultName is set.')
param vaultName string

@description('Name of a vault in this resource group to use instead of creating one; empty = create vaultName.')
param existingVaultName string = ''

@description('Principal id of the Functions app identity.')
param principalId string

// Built-in role "Key Vault Secrets User": read secret contents, nothing else.
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var createVault = empty(existingVaultName)

resource created 'Microsoft.KeyVault/vaults@2023-07-01' = if (createVault) {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    // Access by Azure RBAC only (no access policies), so the role assignment below is the whole grant.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource existing 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (!createVault) {
  name: existingVaultName
}

resource readCreated 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (createVault) {
  name: guid(resourceId('Microsoft.KeyVault/vaults', vaultName), principalId, secretsUser)
  scope: created
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource readExisting 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!createVault) {
  name: guid(resourceId('Microsoft.KeyVault/vaults', existingVaultName), principalId, secretsUser)
  scope: existing
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

var name = createVault ? vaultName : existingVaultName

@description('Name of the vault the app reads the token from.')
output name string = name
