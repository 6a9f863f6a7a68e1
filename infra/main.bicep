// MineFunctions on Azure: storage (containers + result tables), a container registry, the Functions
// app (container image with GDAL) on a Linux Elastic Premium plan running as a user-assigned
// managed identity, Application Insights on Log Analytics, and Event Grid feeding the blob trigger.
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json
targetScope = 'resourceGroup'

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Short lowercase name prefix of the resources.')
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

@description('Image name and tag in the registry, as pushed by `az acr build`.')
param image string = 'minefunctions:latest'

@description('Elastic Premium SKU of the plan.')
@allowed(['EP1', 'EP2', 'EP3'])
param planSku string = 'EP2'

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param maxInstances int = 10

@description('Create the Event Grid subscription of the blob trigger (second deployment, once the app runs).')
param deployEventSubscription bool = false

@description('Durable task hub name (MineFunctions__TaskHub).')
param taskHub string = 'minefunctions'

@description('Input container (MineFunctions__InputContainer).')
param inputContainer string = 'mine-input'

@description('Products container (MineFunctions__ProductsContainer).')
param productsContainer string = 'mine-products'

@description('Monthly refresh NCRONTAB, UTC (MineFunctions__RefreshSchedule).')
param refreshSchedule string = '0 0 3 1 * *'

@description('Further MineFunctions app settings, e.g. {"MineFunctions__Pipeline__WindowX": "7"}.')
param extraSettings object = {}

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

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    location: location
    namePrefix: namePrefix
    planSku: planSku
    maxInstances: maxInstances
    registryLoginServer: registry.outputs.loginServer
    image: image
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    appInsightsConnectionString: monitoring.outputs.connectionString
    mineSettings: union({
      MineFunctions__TaskHub: taskHub
      MineFunctions__InputContainer: inputContainer
      MineFunctions__ProductsContainer: productsContainer
      MineFunctions__RefreshSchedule: refreshSchedule
    }, extraSettings)
  }
}

module events 'modules/eventgrid.bicep' = {
  name: 'eventgrid'
  params: {
    location: location
    namePrefix: namePrefix
    storageAccountId: storage.outputs.id
    inputContainer: inputContainer
    functionAppName: functionApp.outputs.name
    deployEventSubscription: deployEventSubscription
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
