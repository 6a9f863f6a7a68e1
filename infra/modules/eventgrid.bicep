// Event Grid delivers "blob created" events of the input container to the blob trigger
// (InputBlobTrigger, Source = EventGrid): no container polling, events within seconds.
// The webhook needs the app's blobs_extension system key, which exists only after the app has
// started once with the image: deploy with deployEventSubscription=false first, then true.
@description('Azure region.')
param location string

@description('Name prefix of the resources.')
param namePrefix string

@description('Resource id of the storage account.')
param storageAccountId string

@description('Input container whose new blobs are delivered.')
param inputContainer string

@description('Name of the Functions app.')
param functionAppName string

@description('Create the subscription (needs the running app\'s blobs_extension key).')
param deployEventSubscription bool

@description('Name of the blob trigger function.')
param functionName string = 'InputBlobTrigger'

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${namePrefix}-storage-events'
  location: location
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

module subscription 'blobsubscription.bicep' = if (deployEventSubscription) {
  name: 'input-blob-subscription'
  params: {
    topicName: topic.name
    inputContainer: inputContainer
    functionAppName: functionAppName
    functionName: functionName
  }
}

@description('Name of the Event Grid system topic.')
output topicName string = topic.name
