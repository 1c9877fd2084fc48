import { DefaultAzureCredential } from '@azure/identity';
import { ContainerClient } from '@azure/storage-blob';

type BlobAccount =
  | { connectionString: string }
  /**
   * The account's blob endpoint, reached with an Entra ID token: in Azure from the managed identity
   * (`managedIdentityClientId` picks the user-assigned one), elsewhere from the developer's Azure CLI login.
   * The identity needs the Storage Blob Data Contributor role on the account.
   */
  | { accountUrl: string; managedIdentityClientId?: string };

export function containerClientFor(account: BlobAccount, containerName: string): ContainerClient {
  if ('connectionString' in account) return new ContainerClient(account.connectionString, containerName);
  const credential = new DefaultAzureCredential(
    account.managedIdentityClientId ? { managedIdentityClientId: account.managedIdentityClientId } : {},
  );
  return new ContainerClient(`${account.accountUrl.replace(/\/+$/, '')}/${containerName}`, credential);
}
