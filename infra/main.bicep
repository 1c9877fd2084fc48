// Partner Cart in one resource group: the bot's identity, App Service, Azure Bot, state storage, Key Vault,
// Application Insights. `az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json`.
targetScope = 'resourceGroup'

@minLength(3)
@maxLength(16)
@description('Prefix of every resource name (lower-case letters and digits; a suffix from the resource group keeps names unique).')
param resourceBaseName string = 'partnercart'

@description('Region of every regional resource (the Azure Bot itself is global).')
param location string = resourceGroup().location

@description('The bot\'s name as Teams shows it in the Azure Bot registration.')
param botDisplayName string = 'Partner Cart'

@allowed(['F0', 'S1'])
param botSku string = 'F0'

@allowed(['B1', 'B2', 'S1', 'P0v3', 'P1v3'])
param appServiceSku string = 'B1'

@description('Blob container for purchases and the audit log.')
param stateContainerName string = 'partner-cart-state'

@description('The partner\'s Entra ID tenant (Partner Center account).')
param partnerCenterTenantId string

@description('The app registered in Partner Center (Account settings, App management).')
param partnerCenterClientId string

@allowed(['secret', 'certificate'])
@description('secret: Key Vault secret partner-center-client-secret. certificate: a Key Vault certificate imported into the app as a PFX.')
param partnerCenterCredential string = 'secret'

@secure()
@description('The client secret (credential = secret); empty = set the Key Vault secret yourself after provisioning.')
param partnerCenterClientSecret string = ''

@description('credential = certificate: the certificate\'s name in the Key Vault.')
param partnerCenterCertificateName string = ''

@description('credential = certificate: its SHA-1 thumbprint (az keyvault certificate show --query x509ThumbprintHex).')
param partnerCenterCertificateThumbprint string = ''

@description('credential = certificate: object id of the App Service resource provider in this tenant (az ad sp show --id abfa0a7c-a6b6-4736-8310-5855508787cd --query id).')
param appServiceProviderObjectId string = ''

var suffix = uniqueString(resourceGroup().id)
var baseName = '${resourceBaseName}-${take(suffix, 6)}'
var useCertificate = partnerCenterCredential == 'certificate'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { baseName: baseName, location: location }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    accountName: take('${resourceBaseName}${suffix}', 24)
    location: location
    containerName: stateContainerName
    principalId: identity.properties.principalId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    vaultName: take('${resourceBaseName}-kv-${suffix}', 24)
    location: location
    principalId: identity.properties.principalId
    partnerCenterClientSecret: partnerCenterClientSecret
    appServiceProviderObjectId: useCertificate ? appServiceProviderObjectId : ''
  }
}

// Every name here is a variable the bot reads (src/config.ts), except those App Service itself reads:
// WEBSITE_*, SCM_* and APPLICATIONINSIGHTS_CONNECTION_STRING.
var commonSettings = [
  { name: 'NODE_ENV', value: 'production' }
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
  { name: 'MicrosoftAppId', value: identity.properties.clientId }
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.outputs.blobEndpoint }
  { name: 'AZURE_STORAGE_CONTAINER', value: storage.outputs.containerName }
  { name: 'PARTNER_CENTER_BASE_URL', value: 'https://api.partnercenter.microsoft.com' }
  { name: 'PARTNER_CENTER_TENANT_ID', value: partnerCenterTenantId }
  { name: 'PARTNER_CENTER_CLIENT_ID', value: partnerCenterClientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.connectionString }
]
var secretSettings = [
  { name: 'PARTNER_CENTER_CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.name};SecretName=partner-center-client-secret)' }
]
// App Service writes a loaded certificate as a password-less PFX named after its thumbprint.
var certificateSettings = [
  { name: 'WEBSITE_LOAD_CERTIFICATES', value: partnerCenterCertificateThumbprint }
  { name: 'PARTNER_CENTER_CERTIFICATE_PATH', value: '/var/ssl/private/${partnerCenterCertificateThumbprint}.p12' }
]

module app 'modules/app-service.bicep' = {
  name: 'app-service'
  params: {
    baseName: baseName
    location: location
    sku: appServiceSku
    identityId: identity.id
    appSettings: concat(commonSettings, useCertificate ? certificateSettings : secretSettings)
    keyVaultId: keyVault.outputs.id
    certificateName: useCertificate ? partnerCenterCertificateName : ''
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${baseName}-bot'
    displayName: botDisplayName
    sku: botSku
    endpoint: 'https://${app.outputs.hostName}/api/messages'
    identityId: identity.id
    identityClientId: identity.properties.clientId
  }
}

// What `npm run package` (MicrosoftAppId = BOT_ID, BOT_DOMAIN) and the Agents Toolkit (m365agents.yml) need.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = tenant().tenantId
output BOT_DOMAIN string = app.outputs.hostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = app.outputs.id
output TEAMS_APP_WEBSITE_URL string = 'https://${app.outputs.hostName}/'
output KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_URL string = storage.outputs.blobEndpoint
