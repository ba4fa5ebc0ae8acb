import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Web pages a user may opt in to for automatic analysis (asked for one site at a time, never at install). */
const WEB_PAGES = ['http://*/*', 'https://*/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of a file sees where every name comes from.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  // Chrome: MV3 (side_panel). Firefox: WXT's default MV2 (sidebar_action, event page), which AMO still accepts
  // and where activeTab + scripting behave as in Chrome.
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: 'Sourcier',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: the page is read only after the reader clicks the button or presses the shortcut,
    // so the install asks for no access to any site.
    permissions: ['activeTab', 'scripting', 'storage'],
    // Sites the reader adds for automatic analysis are asked for at that moment (extension/auto-sites.ts).
    ...(manifestVersion === 3 ? { optional_host_permissions: WEB_PAGES } : { optional_permissions: WEB_PAGES }),
    action: { default_title: '__MSG_actionTitle__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    commands: {
      // Runs the same handler as a click on the toolbar button, which grants activeTab.
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandAnalyse__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sourcier@sourcier.org',
              // 140: CSS Custom Highlight API and data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }), // chrome.sidePanel.open()
  }),
  zip: {
    // The sources package AMO reviewers rebuild from: no test screenshots or CLI bundle.
    excludeSources: ['tests/e2e/screenshots/**', 'dist/**', 'tests/e2e/.artifacts/**'],
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // Firefox's sidebar: same title and icons as the toolbar button, and not opened by itself at install.
      const sidebar = (manifest as { sidebar_action?: Record<string, unknown> }).sidebar_action;
      if (sidebar) {
        sidebar.default_title ??= '__MSG_extName__';
        sidebar.default_icon ??= { 16: 'icon/16.png', 32: 'icon/32.png' };
        sidebar.open_at_install ??= false;
      }
    },
  },
});
