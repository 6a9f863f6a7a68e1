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

resource app 'Microsoft.Web/sites@2023-12-01' existing = {
  name: functionAppName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (deployEventSubscription) {
  parent: topic
  name: 'input-blob-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${listKeys('${app.id}/host/default', '2023-12-01').systemKeys.blobs_extension}'
        maxEventsPerBatch: 1
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${inputContainer}/blobs/'
    }
    eventDeliverySchema: 'EventGridSchema'
    // Bounded redelivery: a failing event is dropped after a day, never retried forever; the
    // trigger itself never fails on a bad name (it logs and returns).
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

@description('Name of the Event Grid system topic.')
output topicName string = topic.name
