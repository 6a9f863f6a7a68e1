// MineFunctions on Azure: storage (containers + result tables), a container registry, the Functions
// app (container image with GDAL) on a Linux Elastic Premium plan running as a user-assigned
// managed identity, Application Insights on Log Analytics, and the Event Grid system topic of the
// blob trigger. Safe to run any number of times: nothing here needs the app to be running. The
// topic's subscription, which does, is infra/subscription.bicep, deployed by infra/subscribe.sh.
//   MINEFUNCTIONS_IMAGE_TAG=<tag> az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// (docs/DEPLOY.md gives the whole order.)
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Short lowercase name prefix (letters and digits) of the resources; a suffix unique to the resource group follows it in every globally named one.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'minefn'

@description('Storage account name (globally unique, 3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param storageAccountName string = '${namePrefix}${uniqueString(resourceGroup().id)}'

@description('Container registry name (globally unique, letters and digits).')
@minLength(5)
@maxLength(50)
param registryName string = '${namePrefix}${uniqueString(resourceGroup().id)}'

@description('Functions app name (globally unique: <name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param functionAppName string = '${namePrefix}-func-${uniqueString(resourceGroup().id)}'

@description('Image repository in the registry.')
param imageRepository string = 'minefunctions'

@description('Immutable image tag pushed by az acr build, e.g. the commit (git rev-parse --short=12 HEAD); never a moving tag such as latest.')
@minLength(1)
@maxLength(128)
param imageTag string

@description('Elastic Premium SKU of the plan.')
@allowed(['EP1', 'EP2', 'EP3'])
param planSku string = 'EP2'

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param maxInstances int = 10

@description('Input container (MineFunctions__InputContainer).')
param inputContainer string = 'mine-input'

@description('Products container (MineFunctions__ProductsContainer).')
param productsContainer string = 'mine-products'

@description('Monthly refresh NCRONTAB, UTC (MineFunctions__RefreshSchedule).')
param refreshSchedule string = '0 0 3 1 * *'

@description('Further MineFunctions app settings, e.g. {"MineFunctions__Pipeline__WindowX": "7"}.')
param extraSettings object = {}

@description('Key Vault holding the Earthdata Login token (globally unique, 3-24 letters, digits and hyphens); created unless existingKeyVaultName is set.')
@minLength(3)
@maxLength(24)
param keyVaultName string = take('${namePrefix}kv${uniqueString(resourceGroup().id)}', 24)

@description('An existing Key Vault in this resource group (Azure RBAC enabled) to keep the token in instead; empty = create keyVaultName.')
param existingKeyVaultName string = ''

@description('Secret in the vault that holds the Earthdata Login token (set it with az keyvault secret set; docs/DEPLOY.md).')
param earthdataTokenSecretName string = 'earthdata-token'

@description('The monthly refresh first fetches new pairs from ASF HyP3 (MineFunctions__Acquisition__Enabled); needs the token secret.')
param acquisitionEnabled bool = false

// The task hub is host.json's literal hubName, read at build time: the app refuses to start when
// MineFunctions__TaskHub differs from it, so the two can only be set together, here.
var taskHub = loadJsonContent('../functions/MineFunctions.App/host.json', '$.extensions.durableTask.hubName')

var resultTables = ['PairResults', 'AnnualActivity', 'ClassCounts', 'Emissions', 'Runs']

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    namePrefix: namePrefix
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: namePrefix
    principalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    inputContainer: inputContainer
    productsContainer: productsContainer
    tables: resultTables
    principalId: identity.outputs.principalId
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    registryName: registryName
    principalId: identity.outputs.principalId
  }
}

// The vault the token is read from, known before deployment (so the reference is plain text in the template).
var tokenVault = empty(existingKeyVaultName) ? keyVaultName : existingKeyVaultName

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: keyVaultName
    existingVaultName: existingKeyVaultName
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    namePrefix: namePrefix
    appName: functionAppName
    planSku: planSku
    maxInstances: maxInstances
    registryLoginServer: registry.outputs.loginServer
    image: '${imageRepository}:${imageTag}'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    appInsightsConnectionString: monitoring.outputs.connectionString
    mineSettings: union({
      MineFunctions__TaskHub: taskHub
      MineFunctions__InputContainer: inputContainer
      MineFunctions__ProductsContainer: productsContainer
      MineFunctions__RefreshSchedule: refreshSchedule
      // A Key Vault reference, resolved by App Service with the app's identity (keyVaultReferenceIdentity):
      // the token never appears in the template, the deployment history or the app's configuration API.
      MineFunctions__Acquisition__EarthdataToken: '@Microsoft.KeyVault(SecretUri=https://${tokenVault}${environment().suffixes.keyvaultDns}/secrets/${earthdataTokenSecretName})'
      MineFunctions__Acquisition__Enabled: acquisitionEnabled
    }, extraSettings)
  }
}

module events 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  params: {
    location: location
    namePrefix: namePrefix
    storageAccountId: storage.outputs.id
  }
}

@description('Functions app name.')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the HTTP API.')
output apiBaseUrl string = 'https://${functionApp.outputs.hostName}/api'

@description('Registry to push the image to (az acr build -r <this>).')
output registryLoginServer string = registry.outputs.loginServer

@description('Storage account of inputs, products and results.')
output storageAccountName string = storage.outputs.name

@description('Event Grid system topic of the storage account (infra/subscription.bicep subscribes the blob trigger to it).')
output eventGridTopicName string = events.outputs.topicName

@description('Input container the blob trigger watches.')
output inputContainer string = inputContainer

@description('Key Vault of the Earthdata token secret (az keyvault secret set --vault-name <this>).')
output keyVaultName string = keyVault.outputs.name
