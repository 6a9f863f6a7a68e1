// The Event Grid system topic of the storage account. The subscription that feeds the blob trigger
// (InputBlobTrigger, Source = EventGrid) is not created here: its webhook needs the running app's
// blobs_extension key and an answer to Event Grid's validation request, so it is deployed on its
// own by infra/subscribe.sh once the app answers (infra/subscription.bicep).
@description('Azure region.')
param location string

@description('Name prefix of the resources.')
param namePrefix string

@description('Resource id of the storage account.')
param storageAccountId string

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${namePrefix}-storage-events'
  location: location
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the Event Grid system topic.')
output topicName string = topic.name
