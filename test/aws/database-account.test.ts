import { Cloud, ValidationError } from "../../lib";
import { synthBookstore } from "../support/bookstore";
import { blocksMentioning, onlyResource, resourceAt, resources, TerraformJson } from "../support/synth";
import { expectValidationError } from "../support/validation";

// The AWS application account: the RDS master user with its secret by default; with
// databaseApplicationUser (after the README's bootstrap), a user the runtimes reach with IAM
// database authentication, and no secret anywhere in their reach.

const MASTER_SECRET = "aws_db_instance.Bookstore_Database_FFEC90C7.master_user_secret[0].secret_arn";

function userData(json: TerraformJson): string {
  return String(resourceAt(json, "aws_launch_template", "Web/LaunchTemplate").user_data);
}

describe("AWS: the application's database account", () => {
  describe("by default", () => {
    let json: TerraformJson;
    let contract: Record<string, string>;
    beforeAll(() => {
      const synthesized = synthBookstore(Cloud.aws({ region: "eu-central-1" }));
      json = synthesized.json;
      contract = onlyResource(synthesized.workloads!, "kubernetes_config_map_v1").data;
    });

    test("is the master user, whose secret the runtimes read", () => {
      expect(contract).toEqual(expect.objectContaining({ DB_USER: "bookstoreadmin", DB_AUTH: "secret", DB_CREDENTIALS_SECRET: expect.stringContaining("master_user_secret") }));
      expect(resourceAt(json, "aws_iam_role_policy", "Web/ReadDatabaseCredentials").policy).toContain(MASTER_SECRET);
      expect(blocksMentioning(json, "rds-db:connect")).toEqual([]);
    });
  });

  describe("with databaseApplicationUser", () => {
    let json: TerraformJson;
    let contract: Record<string, string>;
    beforeAll(() => {
      const synthesized = synthBookstore(Cloud.aws({ region: "eu-central-1", databaseApplicationUser: "bookstore_app" }));
      json = synthesized.json;
      contract = onlyResource(synthesized.workloads!, "kubernetes_config_map_v1").data;
    });

    test("tells the application to sign a token as that user, and gives it no secret", () => {
      expect(contract).toEqual(expect.objectContaining({ DB_USER: "bookstore_app", DB_AUTH: "iam", DB_TLS_MODE: "VERIFY_IDENTITY" }));
      expect(contract.DB_CREDENTIALS_SECRET).toBeUndefined();
      expect(userData(json)).toContain("DB_AUTH=iam");
      expect(userData(json)).toContain("DB_USER=bookstore_app");
      expect(userData(json)).not.toContain("DB_CREDENTIALS_SECRET");
    });

    test("lets the VMs' and the pods' roles connect as that user only, and read no database secret", () => {
      const connect = blocksMentioning(json, "rds-db:connect");
      // The VMs' inline policy and the pods' role policy.
      expect(connect).toHaveLength(2);
      for (const grant of connect) {
        expect(grant).toMatch(/arn:\$\{data\.aws_partition\.[\w]+\.partition\}:rds-db:eu-central-1:\$\{data\.aws_caller_identity\.[\w]+\.account_id\}:dbuser:\$\{aws_db_instance\.Bookstore_Database_FFEC90C7\.resource_id\}\/bookstore_app/);
      }
      expect(resources(json, "aws_iam_role_policy").filter((p) => String(p.name) === "read-database-credentials")).toEqual([]);
      // The master user's secret stays readable by no runtime: only RDS and the deployer hold it.
      expect(blocksMentioning(json, "secretsmanager:GetSecretValue").filter((grant) => grant.includes(MASTER_SECRET))).toEqual([]);
    });

    test("still names the master user's secret in the stack's outputs, for the deployer's migrations", () => {
      expect((json.output as any).Bookstore_DatabaseCredentialsSecret_D60EF9EA.value).toBe(`\${${MASTER_SECRET}}`);
    });
  });

  describe("bad input", () => {
    test.each(["Bookstore_App", "1app", "a".repeat(33), "rdsadmin", "select", ""])("fails when databaseApplicationUser is %p", (user) => {
      expectValidationError(() => Cloud.aws({ region: "eu-central-1", databaseApplicationUser: user }), { constructPath: "Cloud.aws", field: "databaseApplicationUser", value: user });
    });

    test("fails when databaseApplicationUser is the master user", () => {
      let caught: unknown;
      try {
        synthBookstore(Cloud.aws({ region: "eu-central-1", databaseApplicationUser: "bookstoreadmin" }));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).field).toBe("cloud.databaseApplicationUser");
      expect((caught as ValidationError).constructPath).toBe("bookstore-aws/Bookstore/Database");
    });
  });
});
