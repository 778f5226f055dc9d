// The Functions app on a Flex Consumption plan (Linux) running the app as a custom handler (runtime 'custom'),
// deployed from a blob container and reaching everything as its user-assigned identity.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param sendGridApiKeySecretUri string
param linkSigningKeySecretUri string
param taskHubName string
param mailFromAddress string
param mailFromName string

@description('Upper bound of instances Flex Consumption may scale to.')
param maximumInstanceCount int = 40

@description('Memory of each instance (MB).')
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // Flex Consumption sets FUNCTIONS_WORKER_RUNTIME from here; it must not appear in the app settings.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

var linkKeyReference = '@Microsoft.KeyVault(SecretUri=${linkSigningKeySecretUri})'
var sendGridKeyReference = '@Microsoft.KeyVault(SecretUri=${sendGridApiKeySecretUri})'

// Every name below is checked by tests against the app's settings catalogue (AppSettings) and the host-only list.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // app settings: begin
    // The Functions host's own storage, by identity.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
    // The app's storage; the queue triggers' connection "Storage" reads the same section.
    Storage__BlobServiceUri: blobEndpoint
    Storage__QueueServiceUri: queueEndpoint
    Storage__TableServiceUri: tableEndpoint
    Storage__ManagedIdentityClientId: identityClientId
    Storage__credential: 'managedidentity'
    Storage__clientId: identityClientId
    Durable__TaskHubName: taskHubName
    Mail__Transport: 'SendGrid'
    Mail__FromAddress: mailFromAddress
    Mail__FromName: mailFromName
    Mail__SendGrid__ApiKey: sendGridKeyReference
    Links__BaseUrl: 'https://${functionApp.properties.defaultHostName}'
    Links__ActiveKeyId: 'primary'
    Links__Keys__primary: linkKeyReference
    Office__MaxUploadBytes: '20971520'
    // app settings: end
  }
}

output name string = functionApp.name
output url string = 'https://${functionApp.properties.defaultHostName}'
