/**
 * The simulated console on the Roles for EC2 lesson, used keyboard first: create a role for
 * EC2 through the wizard, check its page, launch an instance with its instance profile, and
 * find it all again after a reload, until Reset.
 */
import { test, expect } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

const LABEL = 'Simulated AWS console, account 111122223333';

function consoleLab(page: Page): Locator {
  return page.getByRole('region', { name: LABEL });
}

/** Scrolls the console into view (it hydrates when visible) and waits until the simulator runs. */
async function open(page: Page): Promise<Locator> {
  const lab = consoleLab(page);
  await lab.scrollIntoViewIfNeeded();
  await expect(
    page.locator('astro-island[component-url*="ConsoleLab"]').first(),
  ).not.toHaveAttribute('ssr', /.*/);
  await expect(lab.getByRole('button', { name: 'Create role' })).toBeEnabled();
  return lab;
}

/** Focuses a control and activates it with Enter, as a keyboard user would. */
async function press(control: Locator, key = 'Enter'): Promise<void> {
  await control.focus();
  await control.press(key);
}

/** Creates S3AccessRole with AmazonS3FullAccess through the wizard, by keyboard only. */
async function createRole(page: Page, lab: Locator): Promise<void> {
  await press(lab.getByRole('button', { name: 'Create role' }));
  await expect(
    lab.getByRole('heading', { name: 'Step 1 of 4: Select trusted entity' }),
  ).toBeFocused();
  await expect(
    lab.getByRole('navigation', { name: 'Create role steps' }).locator('[aria-current="step"]'),
  ).toContainText('Select trusted entity');

  // Next without a use case: the select is flagged, described by its message and focused.
  await press(lab.getByRole('button', { name: 'Next' }));
  const useCase = lab.getByRole('combobox', { name: 'Service or use case' });
  await expect(lab.getByText('Choose a service or use case.')).toBeVisible();
  await expect(useCase).toHaveAttribute('aria-invalid', 'true');
  await expect(useCase).toHaveAccessibleDescription(/Choose a service or use case\./);
  await expect(useCase).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(useCase).toHaveValue('ec2');
  await expect(
    lab.getByText('Allows EC2 instances to call AWS services on your behalf.'),
  ).toBeVisible();
  await press(lab.getByRole('button', { name: 'Next' }));

  await expect(lab.getByRole('heading', { name: 'Step 2 of 4: Add permissions' })).toBeFocused();
  await lab.getByRole('searchbox', { name: 'Filter permissions policies' }).focus();
  await page.keyboard.type('S3Full');
  const policy = lab.getByRole('checkbox', { name: /AmazonS3FullAccess/ });
  await expect(lab.getByRole('checkbox')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(policy).toBeFocused();
  await page.keyboard.press('Space');
  await expect(policy).toBeChecked();
  await expect(lab.getByText('1 policy matches; 1 selected.')).toBeVisible();
  await press(lab.getByRole('button', { name: 'Next' }));

  await expect(
    lab.getByRole('heading', { name: 'Step 3 of 4: Name and description' }),
  ).toBeFocused();
  const name = lab.getByRole('textbox', { name: 'Role name' });
  await name.focus();
  await page.keyboard.type('S3 Access');
  await press(lab.getByRole('button', { name: 'Next' }));
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/cannot contain “a space”/);
  await expect(name).toBeFocused();
  await name.press('ControlOrMeta+a');
  await page.keyboard.type('S3AccessRole');
  await expect(lab.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Allows EC2 instances to call AWS services on your behalf.',
  );
  await press(lab.getByRole('button', { name: 'Next' }));

  await expect(lab.getByRole('heading', { name: 'Step 4 of 4: Review and create' })).toBeFocused();
  const trust = lab.locator('pre.con-code');
  await expect(trust).toContainText('"sts:AssumeRole"');
  await expect(trust).toContainText('"ec2.amazonaws.com"');
  await expect(lab.getByText('arn:aws:iam::aws:policy/AmazonS3FullAccess')).toBeVisible();
  await press(lab.getByRole('button', { name: 'Create role' }));
}

test('creates a role for EC2 by keyboard, shows its page, and launches an instance with its profile', async ({
  page,
}) => {
  await page.goto('lessons/roles-for-ec2/');
  const lab = await open(page);
  await createRole(page, lab);

  // The role's page: summary, then the Permissions and Trust relationships tabs.
  await expect(lab.getByRole('heading', { name: 'S3AccessRole', level: 3 })).toBeFocused();
  await expect(lab.getByRole('status')).toHaveText('Role S3AccessRole created.');
  await expect(
    lab.getByText('arn:aws:iam::111122223333:role/S3AccessRole', { exact: true }).first(),
  ).toBeVisible();
  await expect(
    lab
      .getByText('arn:aws:iam::111122223333:instance-profile/S3AccessRole', { exact: true })
      .first(),
  ).toBeVisible();
  const permissions = lab.getByRole('tab', { name: 'Permissions' });
  await expect(permissions).toHaveAttribute('aria-selected', 'true');
  await expect(lab.getByRole('tabpanel', { name: 'Permissions' })).toContainText(
    'AmazonS3FullAccess',
  );
  await press(permissions, 'ArrowRight');
  const trustTab = lab.getByRole('tab', { name: 'Trust relationships' });
  await expect(trustTab).toBeFocused();
  await expect(trustTab).toHaveAttribute('aria-selected', 'true');
  await expect(lab.getByRole('tabpanel', { name: 'Trust relationships' })).toContainText(
    'ec2.amazonaws.com',
  );

  // EC2: launch an instance with the instance profile under Advanced details.
  await press(
    lab.getByRole('navigation', { name: 'Console services' }).getByRole('button', { name: /EC2/ }),
  );
  await expect(lab.getByRole('heading', { name: 'Instances' })).toBeFocused();
  await press(lab.getByRole('button', { name: 'Launch instances' }));
  await expect(lab.getByRole('heading', { name: 'Launch an instance' })).toBeFocused();
  await lab.getByRole('textbox', { name: 'Name', exact: true }).focus();
  await page.keyboard.type('web');
  await press(lab.getByText('Advanced details'));
  const profile = lab.getByRole('combobox', { name: 'IAM instance profile' });
  await profile.focus();
  await page.keyboard.press('ArrowDown');
  await expect(profile).toHaveValue('S3AccessRole');
  await expect(lab.getByRole('combobox', { name: 'Metadata version' })).toHaveValue('required');
  await press(lab.getByRole('button', { name: 'Launch instance' }));

  await expect(lab.getByRole('heading', { name: 'Instances' })).toBeFocused();
  await expect(lab.getByRole('status')).toContainText(
    /Successfully initiated launch of instance i-[0-9a-f]+\./,
  );
  const row = lab.getByRole('row', { name: /web/ });
  await expect(row).toContainText('S3AccessRole');
  await expect(row).toContainText('Required');

  // What changed: the role, its profile holding it, and the instance with the profile.
  const changes = lab.getByRole('region', { name: 'What changed in the account' });
  await expect(changes).toContainText('Role arn:aws:iam::111122223333:role/S3AccessRole');
  await expect(changes).toContainText(
    'Instance profile arn:aws:iam::111122223333:instance-profile/S3AccessRole holding role S3AccessRole',
  );
  await expect(changes).toContainText(
    /Instance arn:aws:ec2:us-east-1:111122223333:instance\/i-[0-9a-f]+ \(\w+, profile S3AccessRole\)/,
  );
  await press(changes.getByText(/API calls the console made \(5\)/));
  await expect(changes).toContainText(
    'aws iam create-instance-profile --instance-profile-name S3AccessRole',
  );
  await expect(changes).toContainText('--iam-instance-profile Name=S3AccessRole');

  // Modify IAM role on the running instance: detach, then attach again.
  await press(lab.getByRole('button', { name: /^Modify IAM role of web/ }));
  await expect(lab.getByRole('heading', { name: 'Modify IAM role' })).toBeFocused();
  const choice = lab.getByRole('combobox', { name: 'IAM role' });
  await expect(choice).toHaveValue('S3AccessRole');
  await choice.focus();
  await page.keyboard.press('ArrowUp');
  await expect(choice).toHaveValue('');
  await press(lab.getByRole('button', { name: 'Update IAM role' }));
  await expect(lab.getByRole('status')).toContainText(
    /Successfully detached the IAM role from instance i-/,
  );
  await expect(lab.getByRole('row', { name: /web/ })).toContainText('none');
  await press(lab.getByRole('button', { name: /^Modify IAM role of web/ }));
  await lab.getByRole('combobox', { name: 'IAM role' }).focus();
  await page.keyboard.press('ArrowDown');
  await press(lab.getByRole('button', { name: 'Update IAM role' }));
  await expect(lab.getByRole('status')).toContainText(
    /Successfully attached S3AccessRole to instance i-/,
  );
  await expect(changes).toContainText(
    'aws ec2 disassociate-iam-instance-profile --association-id iip-assoc-',
  );
  await expect(changes).toContainText('aws ec2 associate-iam-instance-profile --instance-id i-');
});

test('the world survives a reload, and Reset empties it', async ({ page }) => {
  await page.goto('lessons/roles-for-ec2/');
  let lab = await open(page);
  await createRole(page, lab);
  await expect(lab.getByRole('status')).toHaveText('Role S3AccessRole created.');

  await page.reload();
  lab = await open(page);
  await expect(lab.getByRole('button', { name: 'S3AccessRole' })).toBeVisible();
  await press(lab.getByRole('button', { name: 'Reset console' }));
  await expect(lab.getByRole('status')).toContainText('back to its starting state');
  await expect(lab.getByText('No roles yet.')).toBeVisible();
  await page.reload();
  lab = await open(page);
  await expect(lab.getByText('No roles yet.')).toBeVisible();
});

test('a role name already taken is refused before Create, whatever its case', async ({ page }) => {
  await page.goto('lessons/roles-for-ec2/');
  const lab = await open(page);
  await createRole(page, lab);
  // A second role with the same name but different case: IAM names are unique regardless of case.
  await press(lab.getByRole('button', { name: 'Roles', exact: true }));
  await press(lab.getByRole('button', { name: 'Create role' }));
  const useCase = lab.getByRole('combobox', { name: 'Service or use case' });
  await useCase.focus();
  await page.keyboard.press('ArrowDown');
  await press(lab.getByRole('button', { name: 'Next' }));
  await press(lab.getByRole('button', { name: 'Next' }));
  await lab.getByRole('textbox', { name: 'Role name' }).focus();
  await page.keyboard.type('s3accessrole');
  await press(lab.getByRole('button', { name: 'Next' }));
  await expect(lab.getByText(/A role named S3AccessRole already exists/)).toBeVisible();
});

test('signed in as developer, errors come back as AWS words them, in an alert', async ({
  page,
}) => {
  await page.goto('lessons/roles-for-ec2/');
  const lab = await open(page);
  await createRole(page, lab);
  const user = lab.getByRole('combobox', { name: 'Signed in as' });
  await user.focus();
  await page.keyboard.press('ArrowDown');
  await expect(user).toHaveValue('developer');
  await expect(lab.getByRole('status')).toContainText('Signed in as developer.');

  await press(
    lab.getByRole('navigation', { name: 'Console services' }).getByRole('button', { name: /EC2/ }),
  );
  await press(lab.getByRole('button', { name: 'Launch instances' }));
  await press(lab.getByText('Advanced details'));
  const profile = lab.getByRole('combobox', { name: 'IAM instance profile' });
  await profile.focus();
  await page.keyboard.press('ArrowDown');
  await expect(profile).toHaveValue('S3AccessRole');
  await press(lab.getByRole('button', { name: 'Launch instance' }));
  const alert = lab.getByRole('alert');
  await expect(alert).toContainText('The instance could not be launched');
  await expect(alert).toContainText('UnauthorizedOperation');
  await expect(alert).toContainText(
    'User: arn:aws:iam::111122223333:user/developer is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role/S3AccessRole',
  );
});

test('fits a 360 px screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('lessons/roles-for-ec2/');
  const lab = await open(page);
  await press(lab.getByRole('button', { name: 'Create role' }));
  const overflow = await lab.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
