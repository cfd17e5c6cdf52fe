export { Modal, type ModalProps } from './modal';
export { useCopy, type CopyState } from './use-copy';
export { trapTab } from './focus-trap';
