"""Reminders: the clients' subscriptions (reminder_subscriptions) and each reminder claimed for sending
(sent_reminders, unique per subscription and reminder key: a second worker's claim fails).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 20:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('reminder_subscriptions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stopped_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], name=op.f('fk_reminder_subscriptions_trip_id_trips'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_subscriptions')),
    sa.UniqueConstraint('trip_id', 'email', name=op.f('uq_reminder_subscriptions_trip_id_email'))
    )
    with op.batch_alter_table('reminder_subscriptions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_subscriptions_trip_id'), ['trip_id'], unique=False)

    op.create_table('sent_reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subscription_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('mail_record_id', sa.Integer(), nullable=True),
    sa.Column('unsubscribe_hash', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['mail_record_id'], ['mail_records.id'], name=op.f('fk_sent_reminders_mail_record_id_mail_records'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subscription_id'], ['reminder_subscriptions.id'], name=op.f('fk_sent_reminders_subscription_id_reminder_subscriptions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_reminders')),
    sa.UniqueConstraint('subscription_id', 'key', name=op.f('uq_sent_reminders_subscription_id_key')),
    sa.UniqueConstraint('unsubscribe_hash', name=op.f('uq_sent_reminders_unsubscribe_hash'))
    )
    with op.batch_alter_table('sent_reminders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sent_reminders_mail_record_id'), ['mail_record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sent_reminders_subscription_id'), ['subscription_id'], unique=False)



def downgrade():
    with op.batch_alter_table('sent_reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sent_reminders_subscription_id'))
        batch_op.drop_index(batch_op.f('ix_sent_reminders_mail_record_id'))

    op.drop_table('sent_reminders')
    with op.batch_alter_table('reminder_subscriptions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reminder_subscriptions_trip_id'))

    op.drop_table('reminder_subscriptions')
