"""Clinic confirmations: each appointment's state with its clinic, and who changed it when.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 21:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('clinic_confirmations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('protocol', sa.String(length=80), nullable=False),
    sa.Column('step', sa.String(length=80), nullable=False),
    sa.Column('occurrence', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('asked_to', sa.String(length=200), nullable=False),
    sa.Column('confirmed_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('confirmed_by', sa.String(length=200), nullable=False),
    sa.Column('reference', sa.String(length=100), nullable=False),
    sa.Column('alternative', sa.String(length=500), nullable=False),
    sa.Column('alternative_start', sa.DateTime(timezone=True), nullable=True),
    sa.Column('changed_by', sa.Integer(), nullable=True),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('not_asked', 'asked', 'confirmed', 'declined')", name=op.f('ck_clinic_confirmations_state')),
    sa.ForeignKeyConstraint(['changed_by'], ['users.id'], name=op.f('fk_clinic_confirmations_changed_by_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trip_id'], ['trips.id'], name=op.f('fk_clinic_confirmations_trip_id_trips'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic_confirmations')),
    sa.UniqueConstraint('trip_id', 'protocol', 'step', 'occurrence', name=op.f('uq_clinic_confirmations_trip_id_protocol_step_occurrence'))
    )
    with op.batch_alter_table('clinic_confirmations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinic_confirmations_trip_id'), ['trip_id'], unique=False)

    op.create_table('clinic_confirmation_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('confirmation_id', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=False),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['confirmation_id'], ['clinic_confirmations.id'], name=op.f('fk_clinic_confirmation_changes_confirmation_id_clinic_confirmations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_clinic_confirmation_changes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic_confirmation_changes'))
    )
    with op.batch_alter_table('clinic_confirmation_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinic_confirmation_changes_confirmation_id'), ['confirmation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('clinic_confirmation_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinic_confirmation_changes_confirmation_id'))

    op.drop_table('clinic_confirmation_changes')
    with op.batch_alter_table('clinic_confirmations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinic_confirmations_trip_id'))

    op.drop_table('clinic_confirmations')
