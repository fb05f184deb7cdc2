// Any other navigation closes an open confirmation dialog.
export default function NoModal() {
  return null;
}
