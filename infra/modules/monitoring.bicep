// Log Analytics workspace and a workspace-based Application Insights for the Functions app.
@description('Azure region.')
param location string

@description('Name prefix of the resources.')
param namePrefix string

@description('Principal id of the Functions app identity (publishes telemetry with Entra ID).')
param principalId string

@description('Days Log Analytics keeps data.')
@minValue(30)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Ingestion with Entra ID only: the connection string locates the resource, the app's identity
    // (Monitoring Metrics Publisher below, APPLICATIONINSIGHTS_AUTHENTICATION_STRING in the app)
    // authenticates; the instrumentation key alone no longer writes telemetry.
    DisableLocalAuth: true
  }
}

// Built-in role: publishes all telemetry (despite its name) to the Application Insights resource.
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

@description('Application Insights connection string for APPLICATIONINSIGHTS_CONNECTION_STRING.')
output connectionString string = insights.properties.ConnectionString

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id
