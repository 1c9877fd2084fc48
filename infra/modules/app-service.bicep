// App Service on Linux, Node 24, running the zip of `npm run bundle` read-only (run from package).
param baseName string
param location string
param sku string
@description('Resource id of the user-assigned identity the app runs as.')
param identityId string
@description('Name and value pairs, set as the app\'s environment.')
param appSettings array
@description('Key Vault holding the Partner Center certificate, and its name there; empty = no certificate to import.')
param keyVaultId string
param certificateName string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: sku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${baseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // The zip holds compiled code and production dependencies only: start it directly, build nothing,
      // with the V8 heap limit of `npm start` (package.json; why: docs/memory.md).
      appCommandLine: 'node --max-old-space-size=1024 --max-semi-space-size=8 dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: appSettings
    }
  }
}

// Imported from Key Vault so that WEBSITE_LOAD_CERTIFICATES puts it at /var/ssl/private/<thumbprint>.p12.
resource certificate 'Microsoft.Web/certificates@2023-12-01' = if (!empty(certificateName)) {
  name: '${baseName}-${certificateName}'
  location: location
  properties: {
    serverFarmId: plan.id
    keyVaultId: keyVaultId
    keyVaultSecretName: certificateName
  }
}

output id string = app.id
output hostName string = app.properties.defaultHostName
