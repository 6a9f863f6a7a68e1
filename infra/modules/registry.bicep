// Container registry of the Functions image (built with `az acr build`); pulled with the app's identity.
@description('Azure region.')
param location string

@description('Registry name (5-50 letters and digits, globally unique).')
@minLength(5)
@maxLength(50)
param registryName string

@description('Principal id of the Functions app identity.')
param principalId string

var acrPull = '7f951dff-4ed8-475a-aaf7-82f2b3b8a5bb'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: registryName
  location: location
  sku: { name: 'Basic' }
  properties: {
    adminUserEnabled: false
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, principalId, acrPull)
  scope: registry
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
  }
}

@description('Login server, e.g. myregistry.azurecr.io.')
output loginServer string = registry.properties.loginServer
