/** English text for notification settings and email verification (the `notifications` area, areas.ts). */
export const notificationsEn = {
  'notifications.title': 'Email notifications',
  'notifications.intro': 'When someone mentions you, or replies in a thread you wrote in, we can tell you by email.',
  'notifications.legend': 'Send me',
  'notifications.mode.immediate': 'An email for each',
  'notifications.mode.immediate.hint': 'Right after the message is posted.',
  'notifications.mode.digest': 'One daily digest',
  'notifications.mode.digest.hint': 'Everything of the past day in one email, in the morning.',
  'notifications.mode.off': 'No notification emails',
  'notifications.mode.off.hint': 'You still see mentions and replies in your inbox here.',
  'notifications.saved': 'Notification settings saved.',
  'notifications.unverified':
    'Confirm your email address to get notifications and to create partnerships: open the link we emailed to {email}.',
  'notifications.resend': 'Send the link again',
  'notifications.resent': 'We sent a new link to {email}.',
  'error.email_unverified':
    'Confirm your email address first: open the link we emailed you, or send it again from your account page.',
};
