import { helpCard } from '../cards/help';

const CAPABILITIES = [
  { command: 'features', description: 'See every Tikit feature, whether it is on, and change it' },
  { command: 'enable <feature>', description: 'Review the permissions a feature needs, then consent' },
  { command: 'disable <feature>', description: 'Turn a feature off and learn how to remove its grants' },
  { command: 'why <permission>', description: 'Why Tikit needs a Microsoft Graph permission' },
  { command: 'status', description: 'What is enabled and whether the grants are still in place' },
];

const EXAMPLES = ['features', 'enable intune connector', 'why does Tikit need Mail.Send?', 'what permissions are required?'];

export function welcomeReply() {
  return helpReply(
    'Hi, I am the Tikit Consent Assistant',
    "I help Microsoft 365 administrators turn on Tikit features: I explain every Microsoft Graph permission a feature needs and why, send you Microsoft's consent sign-in, and check with Microsoft that the grants are really in place.",
  );
}

export function helpReply(title = 'Here is what I can do', intro = 'Type a command or press an example. In a channel, mention me first.') {
  return {
    text: `${title}. Try: ${EXAMPLES.join(' · ')}`,
    attachments: [helpCard({ title, intro, capabilities: CAPABILITIES, examples: EXAMPLES })],
  };
}
