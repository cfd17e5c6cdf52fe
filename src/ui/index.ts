export { Modal, type ModalProps } from './modal';
export { useCopy, type CopyState } from './use-copy';
export { downloadFile, fileNameOf } from './download';
export { trapTab } from './focus-trap';
