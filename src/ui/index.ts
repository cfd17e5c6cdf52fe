export { Modal, type ModalProps } from './modal';
export { useCopy, type CopyState } from './use-copy';
