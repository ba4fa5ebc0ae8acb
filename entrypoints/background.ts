import { defineBackground } from 'wxt/utils/define-background';
import { Background } from '../extension/background';

export default defineBackground(() => {
  new Background().start();
});
