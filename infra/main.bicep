// QuyCheWorkflow: a Functions app (custom handler, Flex Consumption, Linux) with its storage account, Key Vault
// and Application Insights. Every data-plane access uses the app's user-assigned managed identity; the storage
// account accepts no shared keys.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region of every resource (must offer Flex Consumption).')
param location string

@description('Object id of the deploying user or pipeline, given Key Vault Secrets Officer to set the secrets.')
param principalId string = ''

@description('Task hub name of the durable engine: prefix of its queues, tables and containers.')
param taskHubName string = 'quyche'

@description('Sender address of every e-mail (a SendGrid verified sender).')
param mailFromAddress string = 'no-reply@example.org'

@description('Sender display name.')
param mailFromName string = 'Văn phòng cấp ủy'

@secure()
@description('SendGrid API key; when empty, set the Key Vault secret sendgrid-api-key after provisioning.')
param sendGridApiKey string = ''

@secure()
@description('Link-signing key (base64, 32 random bytes); when empty, set the Key Vault secret link-signing-key-primary.')
param linkSigningKey string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    deployerPrincipalId: principalId
    sendGridApiKey: sendGridApiKey
    linkSigningKey: linkSigningKey
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    sendGridApiKeySecretUri: keyVault.outputs.sendGridApiKeySecretUri
    linkSigningKeySecretUri: keyVault.outputs.linkSigningKeySecretUri
    taskHubName: taskHubName
    mailFromAddress: mailFromAddress
    mailFromName: mailFromName
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
