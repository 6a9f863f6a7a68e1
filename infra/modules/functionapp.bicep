// The Functions app: a Linux Elastic Premium plan running the container image from infra/Dockerfile
// (GDAL needs native libraries, so no zip deployment), as the user-assigned identity, with
// identity-based storage connections (no account key anywhere).
@description('Azure region.')
param location string

@description('Name prefix of the resources; the plan is <prefix>-plan.')
param namePrefix string

@description('Name of the Functions app (globally unique host name).')
param appName string

@description('Elastic Premium SKU. EP2 (7 GiB) matches the raster memory arithmetic in host.json.')
@allowed(['EP1', 'EP2', 'EP3'])
param planSku string

@description('Most instances the plan scales out to.')
@minValue(1)
param maxInstances int

@description('Registry login server.')
param registryLoginServer string

@description('Image name and tag in the registry, e.g. minefunctions:1.0.0.')
param image string

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account name of AzureWebJobsStorage.')
param storageAccountName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('App settings of MineFunctions (names as in local.settings.sample.json).')
param mineSettings object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'elastic'
  sku: {
    tier: 'ElasticPremium'
    name: planSku
  }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: maxInstances
  }
}

var hostSettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  // Application Insights accepts only Entra ID ingestion (monitoring.bicep): the host signs its
  // telemetry with the user-assigned identity.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Identity-based AzureWebJobsStorage: the host, the Durable extension, the blob trigger and the
  // app's own clients (StorageConnection) all use the user-assigned identity.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'false'
  // Input uploads reach the app through Event Grid here (subscription.bicep); the polling blob
  // trigger, which calls the same handler, is for Azurite, which sends no Event Grid events.
  'AzureWebJobs.InputBlobTrigger.Disabled': 'false'
  'AzureWebJobs.InputBlobPollingTrigger.Disabled': 'true'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOCKER|${registryLoginServer}/${image}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identityClientId
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      alwaysOn: false
      appSettings: [for setting in items(union(hostSettings, mineSettings)): { name: setting.key, value: string(setting.value) }]
    }
  }
}

@description('Name of the Functions app.')
output name string = app.name

@description('Host name of the Functions app.')
output hostName string = app.properties.defaultHostName
