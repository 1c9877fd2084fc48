// Key Vault for the Partner Center credential; App Service resolves Key Vault references with the bot's identity.
param vaultName string
param location string
@description('The bot\'s managed identity: reads secrets.')
param principalId string
@secure()
@description('The Partner Center app\'s client secret; empty = set it later with `az keyvault secret set`.')
param partnerCenterClientSecret string
@description('Object id of the App Service resource provider in this tenant, which imports a Key Vault certificate into the app; empty = no certificate.')
param appServiceProviderObjectId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(partnerCenterClientSecret)) {
  parent: vault
  name: 'partner-center-client-secret'
  properties: { value: partnerCenterClientSecret }
}

var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource botReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, principalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource appServiceReadsCertificate 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(appServiceProviderObjectId)) {
  scope: vault
  name: guid(vault.id, appServiceProviderObjectId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: appServiceProviderObjectId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output id string = vault.id
