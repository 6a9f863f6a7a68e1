// The storage account of everything: the Functions host and Durable task hub (queues, tables,
// leases), the input and product containers, and the result tables. Shared-key access is off:
// the app's identity gets data-plane roles instead.
@description('Azure region.')
param location string

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param accountName string

@description('Blob container of the inputs (MineFunctions__InputContainer).')
param inputContainer string

@description('Blob container of the products (MineFunctions__ProductsContainer).')
param productsContainer string

@description('Result tables (MineFunctions.Infrastructure.Storage.Tables.TableNames).')
param tables array

@description('Principal id of the Functions app identity.')
param principalId string

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for name in [inputContainer, productsContainer]: {
    parent: blobService
    name: name
    properties: { publicAccess: 'None' }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource resultTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for name in tables: {
    parent: tableService
    name: name
  }
]

// Blob Data Owner (not Contributor): the host's blob trigger and Durable leases need it.
resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
    name: guid(account.id, principalId, role)
    scope: account
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

@description('Storage account name (AzureWebJobsStorage__accountName).')
output name string = account.name

@description('Storage account resource id (the Event Grid system topic source).')
output id string = account.id
