// A credential store holding one explicit login for the hosts given and nothing else (no docker
// config, no credential helper ever runs): what the registry client's tests authenticate with.
import type {Exec} from '../../src/exec/exec.js';
import {CredentialStore} from '../../src/registry/credentials.js';

const noPrograms: Exec = {
  run: async command => {
    throw new Error(`no program runs in this test (asked for ${command})`);
  }
};

export function explicitLogin(hosts: string[], username: string, password: string): CredentialStore {
  return new CredentialStore({
    login: {username, password, names: ['IMAGEGATE_REGISTRY_USER', 'IMAGEGATE_REGISTRY_PASSWORD'], source: 'test'},
    explicitHosts: hosts,
    dockerConfigDir: '/nonexistent',
    path: '',
    exec: noPrograms
  });
}
