/**
 * The one place the library imports the CDK for Terraform.
 *
 * `cdktf` was archived upstream in December 2025; its community fork (`cdktn`) may
 * replace it. Every other file imports these names from here, so a switch is one edit.
 * (Generated provider bindings import `cdktf` themselves; they are regenerated, not
 * edited.)
 */
export {
  App,
  Annotations,
  CosBackend,
  OssBackend,
  S3Backend,
  Aspects,
  Fn,
  Lazy,
  LocalBackend,
  TerraformBackend,
  TerraformIterator,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Token,
} from "cdktf";
// A splat or index into a complex attribute (`list[*].name`), which the bindings cannot say.
export { propertyAccess } from "cdktf/lib/tfExpression";
export type { IAspect, ITerraformDependable, TerraformProvider } from "cdktf";
