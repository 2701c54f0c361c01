import { BlockList, isIPv4 } from 'node:net';

/** Where the portal's web server can connect from: this machine, or a private (container) network. */
const webServerNetworks = new BlockList();
webServerNetworks.addSubnet('127.0.0.0', 8, 'ipv4');
webServerNetworks.addSubnet('10.0.0.0', 8, 'ipv4');
webServerNetworks.addSubnet('172.16.0.0', 12, 'ipv4');
webServerNetworks.addSubnet('192.168.0.0', 16, 'ipv4');
webServerNetworks.addAddress('::1', 'ipv6');
webServerNetworks.addSubnet('fc00::', 7, 'ipv6');

/** True for loopback and private-network addresses (the web server, a scraper inside the deployment). */
export function isWebServerAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, '');
  return webServerNetworks.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
}

/**
 * Express `trust proxy`: only the immediate peer (hop 0) is trusted, and only when it is the portal's
 * web server. The web server sets `X-Forwarded-For` to the one client address it determined itself
 * (adapter-node's ADDRESS_HEADER/XFF_DEPTH behind the TLS proxy), so that last entry is `req.ip`;
 * anything further left is what the client claimed and is never believed.
 */
export const trustWebServerOnly = (address: string, hop: number): boolean => hop === 0 && isWebServerAddress(address);
