// The user-assigned managed identity the Functions app runs as: storage, queues, tables and the
// registry are reached with it, never with account keys.
@description('Azure region.')
param location string

@description('Name prefix of the resources.')
param namePrefix string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-identity'
  location: location
}

@description('Resource id of the identity.')
output id string = identity.id

@description('Client id (AzureWebJobsStorage__clientId).')
output clientId string = identity.properties.clientId

@description('Principal id for role assignments.')
output principalId string = identity.properties.principalId
