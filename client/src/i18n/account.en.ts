/** English text for the account pages: your data, sessions and password. */
export const accountEn = {
  'sessions.ended.one': '{count} other session ended.',
  'sessions.ended.other': '{count} other sessions ended.',
  'sessions.endOthersTitle': 'Sign out on every other device?',
  'account.heading': 'Your data and account',
  'account.dataTitle': 'Your data',
  'account.dataIntro':
    'Download everything Samverka stores about you as one JSON file: your account, sessions, memberships, the documents and files you added, and what you did. The content of shared documents belongs to the partnerships and is exported from the documents.',
  'account.download': 'Download my data',
  'account.deleteTitle': 'Delete your account',
  'account.deleteIntro':
    'Your account, sessions and memberships are removed. What you wrote or added to a partnership stays there, shown as from a former member. If you are the only owner of a partnership, make someone else owner first.',
  'account.deletePassword': 'Your password, to confirm',
  'account.delete': 'Delete my account',
  'account.deleteConfirmTitle': 'Delete your account for good?',
  'account.deleteConfirmBody': 'The account {email} is deleted at once and cannot be restored.',
  'account.deleted': 'Your account was deleted.',
  'sessions.heading': 'Your sessions',
  'sessions.current': 'This browser',
  'sessions.lastSeen': 'Last active {date}',
  'sessions.endOthers': 'Sign out everywhere else',
  'sessions.changePassword': 'Change password',
  'sessions.currentPassword': 'Current password',
  'sessions.newPassword': 'New password',
  'sessions.passwordChanged': 'Password changed. Other sessions were signed out.',
} as const;
