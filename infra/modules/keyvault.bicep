// Key Vault (RBAC) for the secrets the app reads through Key Vault references: the SendGrid API key and the
// link-signing key. The app's identity reads them; the deployer may set them.
param name string
param location string
param tags object
param identityPrincipalId string
param deployerPrincipalId string

@secure()
param sendGridApiKey string

@secure()
param linkSigningKey string

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var sendGridSecretName = 'sendgrid-api-key'
var linkKeySecretName = 'link-signing-key-primary'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: { value: sendGridApiKey }
}

resource linkKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(linkSigningKey)) {
  parent: vault
  name: linkKeySecretName
  properties: { value: linkSigningKey }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerSetsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: deployerPrincipalId
  }
}

output name string = vault.name
// Versionless URIs: the app picks up a rotated secret when App Service refreshes its references.
output sendGridApiKeySecretUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'
output linkSigningKeySecretUri string = '${vault.properties.vaultUri}secrets/${linkKeySecretName}'
