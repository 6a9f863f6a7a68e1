// The Event Grid subscription that delivers "blob created" events of the input container to the
// blob trigger's webhook. Used only by infra/subscription.bicep (deployed by infra/subscribe.sh):
// its listKeys reads the app's blobs_extension system key, which exists only once the app has run,
// and Event Grid validates the webhook against the live host.
@description('Name of the Event Grid system topic on the storage account.')
param topicName string

@description('Input container whose new blobs are delivered.')
param inputContainer string

@description('Name of the Functions app.')
param functionAppName string

@description('Name of the blob trigger function.')
param functionName string

resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' existing = {
  name: topicName
}

resource app 'Microsoft.Web/sites@2023-12-01' existing = {
  name: functionAppName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
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
