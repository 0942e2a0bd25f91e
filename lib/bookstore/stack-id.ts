/**
 * The construct IDs `BookstoreStacks` and `GlobalDnsStack` take for their stacks: each is the
 * stack's folder under cdktf.out/stacks, the name the cdktf CLI and the CI workflow's jobs
 * take, and the key of its Terraform state.
 */
export const STACK_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
