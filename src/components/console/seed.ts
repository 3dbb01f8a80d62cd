/**
 * The account the console lab starts from: an administrator who signs in to the console, a
 * developer with narrower rights (to see AccessDenied and a missing iam:PassRole from the
 * console), and the buckets the lesson's application reads. Plain data (no simulator code),
 * validated by tests/unit/console/wizard.test.ts with the simulator's seed schema.
 */
import type { WorldSeed } from '../../sim/world/seed-schema.ts';

/** The account id of the lab. */
export const CONSOLE_ACCOUNT = '111122223333';

/** The IAM user signed in to the console at first. */
export const CONSOLE_USER = 'admin';

/**
 * The access key the console signs with for `admin`. A real console session signs with
 * temporary credentials; a fixed user key keeps the simulated world free of sign-in machinery
 * while every call is still authorized as that IAM user.
 */
export const CONSOLE_ACCESS_KEY = 'AKIAEXAMPLECONSOLE01';

/** A user the console can sign in as. */
export interface ConsoleUser {
  name: string;
  accessKeyId: string;
  /** What the user may do, in a few words, for the sign-in switch. */
  summary: string;
}

/** The users the console can sign in as, `admin` first. */
export const CONSOLE_USERS: readonly ConsoleUser[] = [
  { name: CONSOLE_USER, accessKeyId: CONSOLE_ACCESS_KEY, summary: 'AdministratorAccess' },
  {
    name: 'developer',
    accessKeyId: 'AKIAEXAMPLECONSOLE02',
    summary: 'launches instances and reads IAM; cannot create or pass roles',
  },
];

/** The lab's starting world. */
export const CONSOLE_SEED: WorldSeed = {
  accounts: [
    {
      id: CONSOLE_ACCOUNT,
      alias: 'example-corp',
      users: [
        {
          name: CONSOLE_USER,
          managedPolicies: ['AdministratorAccess'],
          accessKeys: [{ accessKeyId: CONSOLE_ACCESS_KEY }],
          password: true,
        },
        {
          name: 'developer',
          accessKeys: [{ accessKeyId: 'AKIAEXAMPLECONSOLE02' }],
          password: true,
          inlinePolicies: {
            'launch-and-read': {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'LaunchAndLook',
                  Effect: 'Allow',
                  Action: ['ec2:RunInstances', 'ec2:Describe*', 'iam:Get*', 'iam:List*'],
                  Resource: '*',
                },
              ],
            },
          },
        },
      ],
      buckets: [
        {
          name: 'example-photos',
          objects: { 'cat.jpg': 'a photo of a cat', 'holiday/beach.jpg': 'a photo of a beach' },
        },
        { name: 'example-finance', objects: { 'report.csv': 'q1,q2\n10,12\n' } },
      ],
    },
  ],
};
