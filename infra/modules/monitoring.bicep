// Log Analytics workspace and a workspace-based Application Insights for the Functions app.
@description('Azure region.')
param location string

@description('Name prefix of the resources.')
param namePrefix string

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
    // Telemetry only through the connection string below; no instrumentation-key-only ingestion.
    DisableLocalAuth: false
  }
}

@description('Application Insights connection string for APPLICATIONINSIGHTS_CONNECTION_STRING.')
output connectionString string = insights.properties.ConnectionString

@description('Resource id of the Log Analytics workspace.')
output workspaceId string = workspace.id
