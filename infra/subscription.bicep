// The Event Grid subscription of the blob trigger, deployed on its own by infra/subscribe.sh after
// infra/main.bicep, once the app answers /api/health: creating it reads the running app's
// blobs_extension key and Event Grid validates the webhook against the live host, which a host that
// is still starting or restarting refuses. Keeping it out of main.bicep lets main.bicep be
// redeployed (restarting the app) without ever touching the subscription.
//   az deployment group create -g <rg> -f infra/subscription.bicep -p functionAppName=<app> topicName=<topic>
targetScope = 'resourceGroup'

@description('Name of the Functions app (output functionAppName of main.bicep).')
param functionAppName string

@description('Event Grid system topic of the storage account (output eventGridTopicName of main.bicep).')
param topicName string

@description('Input container whose new blobs are delivered (output inputContainer of main.bicep).')
param inputContainer string = 'mine-input'

@description('Name of the blob trigger function.')
param functionName string = 'InputBlobTrigger'

module subscription 'modules/blobsubscription.bicep' = {
  name: 'input-blob-subscription'
  params: {
    topicName: topicName
    inputContainer: inputContainer
    functionAppName: functionAppName
    functionName: functionName
  }
}
